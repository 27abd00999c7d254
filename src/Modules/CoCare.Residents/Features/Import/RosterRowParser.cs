using CoCare.Kernel;
using CoCare.Residents.Domain;

namespace CoCare.Residents.Features.Import;

/// <summary>A roster row that passed every check, ready to become an elder.</summary>
public sealed record RosterEntry(
    int RowNumber,
    string Name,
    ResidentIdNumber IdNumber,
    string VillageCode,
    string? Phone,
    string? Address,
    LivingSituation LivingSituation,
    IReadOnlyList<ElderCategory> Categories,
    bool HealthDataConsent);

/// <summary>Why a row was refused: an error key of the Residents or shared texts, and its arguments.</summary>
public sealed record RowProblem(int RowNumber, string MaskedIdNumber, string Key, params object[] Args);

/// <summary>
/// Checks one roster row as the elder form does: a name, a valid ID number (GB 11643) that agrees with any
/// birth date and gender given, a known village in the importer's regions, a plausible phone, known categories.
/// </summary>
public sealed class RosterRowParser(IReadOnlyDictionary<RosterField, string> columns, Func<string, string?> villageCode, DateOnly today)
{
    public object Parse(RosterRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string Cell(RosterField field) => columns.TryGetValue(field, out var header) && row.Cells.TryGetValue(header, out var value) ? value.Trim() : "";

        var rawId = Cell(RosterField.IdNumber);
        var masked = MaskRaw(rawId);
        RowProblem Problem(string key, params object[] args) => new(row.RowNumber, masked, key, args);

        var name = Cell(RosterField.Name);
        if (name.Length == 0 || name.Length > 50)
        {
            return Problem("Import.NameRequired");
        }

        if (!ResidentIdNumber.TryParse(rawId, today, out var number, out var idError))
        {
            return Problem(idError!);
        }

        var genderText = Cell(RosterField.Gender);
        if (genderText.Length > 0)
        {
            var gender = RosterColumns.ParseGender(genderText);
            if (gender is null)
            {
                return Problem("Import.GenderUnknown", genderText);
            }

            if (gender != number!.Gender)
            {
                return Problem("IdNumber.GenderMismatch");
            }
        }

        var birthText = Cell(RosterField.BirthDate);
        if (birthText.Length > 0)
        {
            var birth = RosterColumns.ParseDate(birthText);
            if (birth is null)
            {
                return Problem("Import.DateUnreadable", birthText);
            }

            if (birth != number!.BirthDate)
            {
                return Problem("IdNumber.BirthDateMismatch");
            }
        }

        var villageText = Cell(RosterField.Village);
        var village = villageText.Length == 0 ? null : villageCode(villageText);
        if (village is null)
        {
            return Problem(villageText.Length == 0 ? "Import.VillageRequired" : "Import.VillageUnknown", villageText);
        }

        var phone = Cell(RosterField.Phone);
        if (phone.Length > 0 && (phone.Length is < 7 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')))
        {
            return Problem("Elder.PhoneFormat");
        }

        var address = Cell(RosterField.Address);
        if (address.Length > 200)
        {
            return Problem("Import.AddressTooLong");
        }

        var livingText = Cell(RosterField.LivingSituation);
        var living = livingText.Length == 0 ? LivingSituation.WithChildren : RosterColumns.ParseLiving(livingText);
        if (living is null)
        {
            return Problem("Import.LivingUnknown", livingText);
        }

        var (categories, unknown) = RosterColumns.ParseCategories(Cell(RosterField.Categories));
        if (unknown is not null)
        {
            return Problem("Import.CategoryUnknown", unknown);
        }

        var consentText = Cell(RosterField.HealthDataConsent);
        var consent = RosterColumns.ParseYesNo(consentText);
        if (consent is null)
        {
            return Problem("Import.YesNo", consentText);
        }

        return new RosterEntry(row.RowNumber, name, number!, village, phone.Length == 0 ? null : phone, address.Length == 0 ? null : address,
            living.Value, categories.Distinct().ToList(), consent.Value);
    }

    /// <summary>What the report may show of an ID number as typed: never more than a valid number's mask.</summary>
    public static string MaskRaw(string raw) => raw.Length == 0 ? "" : Masking.IdNumber(raw);
}
