namespace CoCare.Kernel;

/// <summary>What kind of refusal a domain error is; the host maps it to an HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,

    /// <summary>Too many requests from one source in a short time (429); nothing was stored.</summary>
    TooManyRequests,

    /// <summary>The request does not prove who sent it (a device's missing or wrong signature): 401, nothing was stored.</summary>
    Unauthorized,
}

/// <summary>
/// A rule refused an operation. <see cref="Code"/> is a resource key the host localizes
/// (with <see cref="Arguments"/> as format arguments); <see cref="Field"/> names the input at fault.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, ErrorKind kind = ErrorKind.Validation, string? field = null, params object[] arguments)
        : base(code)
    {
        Code = code;
        Kind = kind;
        Field = field;
        Arguments = arguments;
    }

    public DomainException()
        : this("Error")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = message;
        Arguments = [];
    }

    public string Code { get; }

    public ErrorKind Kind { get; }

    public string? Field { get; }

    public IReadOnlyList<object> Arguments { get; }

    public static DomainException NotFound(string code, params object[] arguments) => new(code, ErrorKind.NotFound, null, arguments);

    public static DomainException Conflict(string code, string? field = null, params object[] arguments) => new(code, ErrorKind.Conflict, field, arguments);

    public static DomainException Forbidden(string code) => new(code, ErrorKind.Forbidden);

    public static DomainException TooMany(string code, params object[] arguments) => new(code, ErrorKind.TooManyRequests, null, arguments);
}
