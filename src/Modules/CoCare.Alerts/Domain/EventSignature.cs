using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoCare.Alerts.Domain;

/// <summary>
/// How a device signs what it sends (over HTTP and MQTT alike): HMAC-SHA256 with its secret over
/// <c>keyId + "\n" + timestamp + "\n" + body</c>, the timestamp in Unix seconds, the signature as lowercase hex. A
/// timestamp more than <see cref="MaxSkew"/> away from the server's clock is refused, so a captured request cannot be
/// replayed later; within the window the event ids make a replay harmless.
/// </summary>
public static class EventSignature
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static string Sign(byte[] secret, string keyId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Message(keyId, timestamp, body)));
    }

    public static SignatureCheck Check(byte[] secret, string keyId, string? timestamp, ReadOnlySpan<byte> body, string? signature, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.BadTimestamp;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxSkew.TotalSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        if (signature is not { Length: 64 } || !signature.All(Uri.IsHexDigit))
        {
            return SignatureCheck.BadSignature;
        }

        var expected = HMACSHA256.HashData(secret, Message(keyId, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature)) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }

    private static byte[] Message(string keyId, long timestamp, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(keyId + "\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n");
        var message = new byte[head.Length + body.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        return message;
    }
}

public enum SignatureCheck
{
    Valid,
    BadTimestamp,
    StaleTimestamp,
    BadSignature,
}
