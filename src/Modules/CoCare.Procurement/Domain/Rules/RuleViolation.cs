namespace CoCare.Procurement.Domain.Rules;

/// <summary>One broken rule: the input field at fault, a resource key and its format arguments.</summary>
public sealed record RuleViolation(string Field, string Code, params object[] Arguments);
