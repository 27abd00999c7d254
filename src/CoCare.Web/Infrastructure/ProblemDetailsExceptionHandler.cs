using System.Text.Json;
using CoCare.Data;
using CoCare.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Web.Infrastructure;

/// <summary>
/// The one place errors become RFC 7807 problem details: validation → 400 with an errors object,
/// not found → 404, forbidden → 403, conflicts and stale versions → 409, oversized bodies → 413.
/// Titles follow the request culture; nothing about the server's insides leaves it.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ErrorText text, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => Validation(v.Errors.GroupBy(e => CamelCase(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            DomainException { Kind: ErrorKind.Validation } d => Validation(new Dictionary<string, string[]>
            {
                [d.Field ?? "request"] = [text.Describe(d)],
            }),
            DomainException d => new ProblemDetails
            {
                Status = d.Kind switch
                {
                    ErrorKind.NotFound => StatusCodes.Status404NotFound,
                    ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                    ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
                    ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
                    _ => StatusCodes.Status409Conflict,
                },
                Title = text[$"Problem.{d.Kind}"],
                Detail = text.Describe(d),
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = text["Problem.Conflict"],
                Detail = text["Record.ChangedSinceRead"],
            },
            DbUpdateException u when DbErrors.IsUniqueViolation(u) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = text["Problem.Conflict"],
                Detail = text["Record.Duplicate"],
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = text["Problem.TooLarge"],
            },
            BadHttpRequestException b => BadRequest(b),
            JsonException => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = text["Problem.BadRequest"],
                Detail = text["Problem.BadJson"],
            },
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = text["Problem.Server"] };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        // Binding failures carry the parameter or JSON path in the message; say which field, not how we parse.
        var detail = exception.InnerException is JsonException json && json.Path is { } path
            ? text["Problem.BadJsonAt", path]
            : text["Problem.BadJson"];
        return new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["Problem.BadRequest"],
            Detail = detail,
        };
    }

    private HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = text["Problem.Validation"],
    };

    private static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? "request" : string.Join('.', name.Split('.').Select(part => char.ToLowerInvariant(part[0]) + part[1..]));
}
