namespace CoCare.Directory.Domain.Rules;

/// <summary>
/// The password rule, set in configuration (Auth:Password): a minimum length and a minimum number of
/// character classes out of lower case, upper case, digits and other characters.
/// </summary>
public sealed class PasswordPolicy
{
    public int MinLength { get; set; } = 10;

    public int MinCharacterClasses { get; set; } = 3;

    public static int CharacterClasses(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var classes = 0;
        classes += password.Any(char.IsLower) ? 1 : 0;
        classes += password.Any(char.IsUpper) ? 1 : 0;
        classes += password.Any(char.IsDigit) ? 1 : 0;
        classes += password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0;
        return classes;
    }

    /// <summary>The resource keys of the rules <paramref name="password"/> breaks (empty when it is acceptable).</summary>
    public IReadOnlyList<string> Check(string? password)
    {
        var broken = new List<string>();
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            broken.Add("Password.TooShort");
        }

        if (password is not null && CharacterClasses(password) < MinCharacterClasses)
        {
            broken.Add("Password.TooFewClasses");
        }

        return broken;
    }
}
