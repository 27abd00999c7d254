using System.Security.Cryptography;
using CoCare.Data;
using Microsoft.Extensions.Configuration;

namespace CoCare.UnitTests.Data;

public class PersonalDataCipherTests
{
    private static readonly PersonalDataCipher Cipher = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Encrypt_RoundTrips_AndNeverStoresThePlaintext()
    {
        var stored = Cipher.Encrypt("450226194503150031");
        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("1945", stored, StringComparison.Ordinal);
        Assert.Equal("450226194503150031", Cipher.Decrypt(stored));
    }

    [Fact]
    public void TheSameValue_EncryptsDifferentlyEachTime() =>
        Assert.NotEqual(Cipher.Encrypt("13812345678"), Cipher.Encrypt("13812345678"));

    [Fact]
    public void AValueAlteredInTheDatabase_IsDetected()
    {
        var stored = Cipher.Encrypt("广西柳州市三江县林溪镇G村3组12号")!;
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Cipher.Decrypt("v1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void AnotherKey_CannotRead() =>
        Assert.ThrowsAny<CryptographicException>(() => new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)).Decrypt(Cipher.Encrypt("secret")));

    [Fact]
    public void BlindIndex_MatchesEqualValuesOnly_AndDependsOnTheKey()
    {
        Assert.Equal(Cipher.BlindIndex("11010519491231002x"), Cipher.BlindIndex(" 11010519491231002X"));
        Assert.NotEqual(Cipher.BlindIndex("11010519491231002X"), Cipher.BlindIndex("110105194912310039"));
        Assert.NotEqual(Cipher.BlindIndex("x"), new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)).BlindIndex("x"));
    }

    [Fact]
    public void WithoutAConfiguredKey_AKeyFileIsCreatedOnceAndReused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cocare-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PersonalData:KeyFile"] = Path.Combine(folder, "k.key") }).Build();
            var stored = new PersonalDataCipher(configuration).Encrypt("13812345678");
            Assert.Equal("13812345678", new PersonalDataCipher(configuration).Decrypt(stored));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "k.key")));
            }
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
