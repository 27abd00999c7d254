using System.Globalization;
using CoCare.Kernel;
using CoCare.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CoCare.Web.Infrastructure;

/// <summary>Localizes domain error codes by asking the host's strings and then each module's.</summary>
public sealed class ErrorText(IStringLocalizerFactory factory, IEnumerable<ErrorTextSource> sources) : IErrorText
{
    private readonly List<IStringLocalizer> localizers =
        [factory.Create(typeof(WebText)), .. sources.Select(s => factory.Create(s.ResourceType))];

    public string this[string code, params object[] arguments]
    {
        get
        {
            foreach (var localizer in localizers)
            {
                var text = localizer[code];
                if (!text.ResourceNotFound)
                {
                    return arguments.Length == 0 ? text.Value : string.Format(CultureInfo.CurrentCulture, text.Value, arguments);
                }
            }

            return code;
        }
    }

    public string Describe(DomainException exception) => this[exception.Code, [.. exception.Arguments]];

    public IReadOnlyList<string> DescribeAll(Exception exception) => exception switch
    {
        FluentValidation.ValidationException v => [.. v.Errors.Select(e => e.ErrorMessage).Distinct()],
        _ => Describe(exception) is { } one ? [one] : [],
    };

    public string? Describe(Exception exception) => exception switch
    {
        DomainException d => Describe(d),
        FluentValidation.ValidationException v => string.Join(" ", v.Errors.Select(e => e.ErrorMessage).Distinct()),
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => this["Record.ChangedSinceRead"],
        Microsoft.EntityFrameworkCore.DbUpdateException u when CoCare.Data.DbErrors.IsUniqueViolation(u) => this["Record.Duplicate"],
        _ => null,
    };
}
