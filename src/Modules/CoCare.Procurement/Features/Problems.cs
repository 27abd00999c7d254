using System.Globalization;
using CoCare.Procurement.Domain.Rules;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace CoCare.Procurement.Features;

internal static class Problems
{
    /// <summary>Refuses the request with every validation failure and broken rule at once, each on its field.</summary>
    public static void ThrowIfAny(IStringLocalizer s, ValidationResult validation, IEnumerable<RuleViolation> violations)
    {
        var failures = validation.Errors.ToList();
        failures.AddRange(violations.Select(v => new ValidationFailure(v.Field, string.Format(CultureInfo.CurrentCulture, s[v.Code], v.Arguments))));
        if (failures.Count > 0)
        {
            throw new ValidationException(s["Project.Invalid"], failures);
        }
    }
}
