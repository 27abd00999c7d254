using System.Globalization;
using CoCare.Kernel;
using CoCare.Residents.Domain;

namespace CoCare.Residents.Features.Import;

public enum RosterField
{
    Name,
    IdNumber,
    Village,
    Gender,
    BirthDate,
    Phone,
    Address,
    LivingSituation,
    Categories,
    HealthDataConsent,
}

/// <summary>
/// The roster's columns: each field answers to its Chinese and English headers (case, spaces and punctuation
/// ignored). Name, ID number and village are required; columns the platform does not know are ignored and reported.
/// </summary>
public static class RosterColumns
{
    public static readonly IReadOnlyList<RosterField> Required = [RosterField.Name, RosterField.IdNumber, RosterField.Village];

    private static readonly Dictionary<string, RosterField> Aliases = new(StringComparer.Ordinal)
    {
        ["姓名"] = RosterField.Name,
        ["name"] = RosterField.Name,
        ["身份证号"] = RosterField.IdNumber,
        ["身份证号码"] = RosterField.IdNumber,
        ["公民身份号码"] = RosterField.IdNumber,
        ["idnumber"] = RosterField.IdNumber,
        ["村社区"] = RosterField.Village,
        ["所属村社区"] = RosterField.Village,
        ["村"] = RosterField.Village,
        ["社区"] = RosterField.Village,
        ["village"] = RosterField.Village,
        ["villagecode"] = RosterField.Village,
        ["性别"] = RosterField.Gender,
        ["gender"] = RosterField.Gender,
        ["出生日期"] = RosterField.BirthDate,
        ["birthdate"] = RosterField.BirthDate,
        ["电话"] = RosterField.Phone,
        ["联系电话"] = RosterField.Phone,
        ["手机"] = RosterField.Phone,
        ["phone"] = RosterField.Phone,
        ["住址"] = RosterField.Address,
        ["地址"] = RosterField.Address,
        ["家庭住址"] = RosterField.Address,
        ["address"] = RosterField.Address,
        ["居住情况"] = RosterField.LivingSituation,
        ["livingsituation"] = RosterField.LivingSituation,
        ["类别"] = RosterField.Categories,
        ["人员类别"] = RosterField.Categories,
        ["categories"] = RosterField.Categories,
        ["同意采集健康信息"] = RosterField.HealthDataConsent,
        ["健康信息同意"] = RosterField.HealthDataConsent,
        ["healthdataconsent"] = RosterField.HealthDataConsent,
    };

    private static readonly Dictionary<string, LivingSituation> Living = new(StringComparer.OrdinalIgnoreCase)
    {
        ["独居"] = LivingSituation.Alone,
        ["与配偶同住"] = LivingSituation.WithSpouse,
        ["与子女同住"] = LivingSituation.WithChildren,
        ["留守"] = LivingSituation.LeftBehind,
    };

    private static readonly Dictionary<string, ElderCategory> CategoryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["低保"] = ElderCategory.SubsistenceAllowance,
        ["特困"] = ElderCategory.ExtremePoverty,
        ["低保边缘"] = ElderCategory.NearPoverty,
        ["独居"] = ElderCategory.LivingAlone,
        ["空巢"] = ElderCategory.EmptyNest,
        ["留守"] = ElderCategory.LeftBehind,
        ["失能"] = ElderCategory.Disabled,
        ["计划生育特殊家庭"] = ElderCategory.FamilyPlanningSpecial,
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    /// <summary>Which header names which field; headers it does not know are returned as ignored.</summary>
    public static (Dictionary<RosterField, string> Map, List<string> Missing, List<string> Ignored, List<string> Repeated) Resolve(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var map = new Dictionary<RosterField, string>();
        var ignored = new List<string>();
        var repeated = new List<string>();
        foreach (var header in headers.Where(h => h.Length > 0))
        {
            if (!Aliases.TryGetValue(Normalize(header), out var field))
            {
                ignored.Add(header);
            }
            else if (!map.TryAdd(field, header))
            {
                repeated.Add(header);
            }
        }

        var missing = Required.Where(f => !map.ContainsKey(f)).Select(f => f.ToString()).ToList();
        return (map, missing, ignored, repeated);
    }

    public static string Normalize(string header) =>
        new([.. (header ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(c => char.IsLetterOrDigit(c)).Select(char.ToLowerInvariant)]);

    public static Gender? ParseGender(string text) => text.Trim().ToUpperInvariant() switch
    {
        "男" or "M" or "MALE" => Gender.Male,
        "女" or "F" or "FEMALE" => Gender.Female,
        _ => null,
    };

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static LivingSituation? ParseLiving(string text) =>
        Living.TryGetValue(text.Trim(), out var living) ? living
        : Enum.TryParse<LivingSituation>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _) ? parsed
        : null;

    /// <summary>Categories separated by 、 , ; or spaces; returns the first unknown word when there is one.</summary>
    public static (List<ElderCategory> Categories, string? Unknown) ParseCategories(string text)
    {
        var result = new List<ElderCategory>();
        foreach (var word in text.Split(['、', ',', '，', ';', '；', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (CategoryNames.TryGetValue(word, out var category)
                || (Enum.TryParse(word, ignoreCase: true, out category) && Enum.IsDefined(category) && !int.TryParse(word, out _)))
            {
                result.Add(category);
            }
            else if (word is not ("高龄" or "AdvancedAge"))
            {
                // 高龄 is computed from the birth date, so a roster that lists it is not wrong.
                return (result, word);
            }
        }

        return (result, null);
    }

    public static bool? ParseYesNo(string text) => text.Trim().ToUpperInvariant() switch
    {
        "" or "否" or "NO" or "N" or "FALSE" or "0" => false,
        "是" or "YES" or "Y" or "TRUE" or "1" => true,
        _ => null,
    };
}
