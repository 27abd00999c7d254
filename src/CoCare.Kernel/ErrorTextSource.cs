namespace CoCare.Kernel;

/// <summary>A module's resource type whose keys include its domain error codes; the host localizes errors through these.</summary>
public sealed record ErrorTextSource(Type ResourceType);
