namespace M6Search.Web.Health;

/// <summary>The answer of <c>/readyz</c>.</summary>
public sealed record Readiness(bool Ready, string Reason, long Products);
