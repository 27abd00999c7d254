using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace CoCare.Data;

/// <summary>
/// Encrypts personal fields (ID numbers, phones, addresses, health notes) with AES-256-GCM under a key
/// kept outside the database: PersonalData:Key (base64, for several nodes) or the file PersonalData:KeyFile
/// (default ./data/keys/personal-data.key, created on first use, readable by the owner only).
/// Ciphertext is "v1:" + base64(nonce | tag | ciphertext). <see cref="BlindIndex"/> gives a keyed hash for
/// exact-match lookups (e.g. finding an elder by ID number on import) without storing the value.
/// </summary>
public sealed class PersonalDataCipher
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] encryptionKey;
    private readonly byte[] indexKey;

    public PersonalDataCipher(IConfiguration configuration)
        : this(LoadKey(configuration))
    {
    }

    public PersonalDataCipher(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The personal-data key is 32 bytes (base64 of 32 random bytes).", nameof(masterKey));
        }

        encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "CoCare.PersonalData.Encryption"u8.ToArray());
        indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "CoCare.PersonalData.BlindIndex"u8.ToArray());
    }

    public string? Encrypt(string? plaintext)
    {
        if (plaintext is null)
        {
            return null;
        }

        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Prefix + Convert.ToBase64String(output);
    }

    /// <summary>Decrypts; a value altered in the database, or encrypted under another key, throws <see cref="CryptographicException"/>.</summary>
    public string? Decrypt(string? ciphertext)
    {
        if (ciphertext is null)
        {
            return null;
        }

        if (!ciphertext.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Not a CoCare personal-data ciphertext.");
        }

        var input = Convert.FromBase64String(ciphertext[Prefix.Length..]);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Truncated personal-data ciphertext.");
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(encryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A keyed hash (hex) of a normalized value, equal for equal values, useless without the key.</summary>
    public string BlindIndex(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(indexKey, Encoding.UTF8.GetBytes(value.Trim().ToUpperInvariant())));
    }

    private static byte[] LoadKey(IConfiguration configuration)
    {
        if (configuration["PersonalData:Key"] is { Length: > 0 } key)
        {
            return Convert.FromBase64String(key);
        }

        var path = Path.GetFullPath(configuration["PersonalData:KeyFile"] is { Length: > 0 } file ? file : Path.Combine("data", "keys", "personal-data.key"));
        if (!File.Exists(path))
        {
            // Written aside and moved into place, so a second process starting at the same moment (two hosts on a fresh
            // machine) either wins the move or reads the key the first one put there — never half a file.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var aside = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(aside, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(aside, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(aside); // another process put its key there first: use that one
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
