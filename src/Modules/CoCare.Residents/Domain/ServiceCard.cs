using System.Security.Cryptography;

namespace CoCare.Residents.Domain;

/// <summary>
/// The elder's service card (服务卡): a 16-digit number (long enough that random numbers practically never collide) whose last digit is a Luhn check digit, so a mistyped number at
/// the canteen counter reads as unknown instead of as another elder, and a 4-digit confirmation code the elder gives a
/// worker to confirm a home service was done. The QR code on the card carries <c>COCARE:CARD:</c> and the number.
/// </summary>
public static class ServiceCard
{
    public const int Length = 16;
    public const string QrPrefix = "COCARE:CARD:";

    public static string NewNumber()
    {
        Span<char> digits = stackalloc char[Length];
        for (var i = 0; i < Length - 1; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(i == 0 ? 1 : 0, 10));
        }

        digits[Length - 1] = (char)('0' + CheckDigit(digits[..(Length - 1)]));
        return new string(digits);
    }

    public static string NewConfirmationCode() => RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The card number in what a scanner or a person typed (the QR payload, or digits with spaces), or null when it is not a valid card number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = input.Trim();
        if (text.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[QrPrefix.Length..];
        }

        var digits = new string(text.Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == Length && digits.All(char.IsAsciiDigit) && CheckDigit(digits.AsSpan(0, Length - 1)) == digits[^1] - '0' ? digits : null;
    }

    private static int CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
