namespace CoCare.Kernel;

/// <summary>Turns an error raised by a handler into a sentence in the current UI language (the host implements it).</summary>
public interface IErrorText
{
    /// <summary>A readable message for a validation, domain or concurrency error; null when the error is not one the user caused.</summary>
    string? Describe(Exception exception);

    /// <summary>Every message of a refusal (one per broken rule); empty when the error is not one the user caused.</summary>
    IReadOnlyList<string> DescribeAll(Exception exception);
}
