using System.Globalization;

namespace CoCare.Kernel;

public enum Gender
{
    Male,
    Female,
}

/// <summary>
/// A citizen identity number (公民身份号码, GB 11643-1999): six digits of the issuing region, the birth
/// date as yyyyMMdd, a three-digit sequence whose last digit is odd for men and even for women, and an
/// ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public sealed record ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Gender Gender { get; }

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Parses and verifies a number; on failure <paramref name="error"/> is a resource key saying why.</summary>
    public static bool TryParse(string? text, DateOnly today, out ResidentIdNumber? number, out string? error)
    {
        number = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18)
        {
            error = "IdNumber.Length";
            return false;
        }

        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            error = "IdNumber.Characters";
            return false;
        }

        if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            error = "IdNumber.CheckDigit";
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1890 || birth > today)
        {
            error = "IdNumber.BirthDate";
            return false;
        }

        number = new ResidentIdNumber(value, birth, (value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female);
        error = null;
        return true;
    }

    /// <summary>The resource key of the first disagreement between the number and a stated birth date and gender, or null.</summary>
    public string? Disagreement(DateOnly birthDate, Gender gender) =>
        birthDate != BirthDate ? "IdNumber.BirthDateMismatch" : gender != Gender ? "IdNumber.GenderMismatch" : null;

    /// <summary>As shown in lists and exports: region and last four, e.g. 450202********1234.</summary>
    public string Masked => Masking.IdNumber(Value);

    public override string ToString() => Masked;
}

/// <summary>How personal data is shown where the full value is not needed (lists, exports, logs).</summary>
public static class Masking
{
    public static string IdNumber(string? value) =>
        value is { Length: 18 } ? value[..6] + new string('*', 8) + value[^4..] : Stars(value);

    /// <summary>Mobile numbers keep the first three and last four digits: 138****5678.</summary>
    public static string Phone(string? value)
    {
        var digits = value?.Trim() ?? "";
        return digits.Length >= 8 ? digits[..3] + new string('*', digits.Length - 7) + digits[^4..] : Stars(digits);
    }

    /// <summary>Addresses keep their first ten characters (usually the region part): 广西柳州市三江县林溪镇****.</summary>
    public static string Address(string? value)
    {
        var text = value?.Trim() ?? "";
        return text.Length > 10 ? text[..10] + "****" : Stars(text);
    }

    /// <summary>Names keep the first character and the last when longer than two: 杨*1, 杨*.</summary>
    public static string Name(string? value)
    {
        var text = value?.Trim() ?? "";
        return text.Length switch
        {
            0 => "",
            1 or 2 => text[..1] + "*",
            _ => text[..1] + new string('*', Math.Min(text.Length - 2, 3)) + text[^1..],
        };
    }

    private static string Stars(string? value) => string.IsNullOrEmpty(value) ? "" : new string('*', Math.Min(value.Length, 8));
}
