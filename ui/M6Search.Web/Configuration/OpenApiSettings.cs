namespace M6Search.Web.Configuration;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> (configuration section "M6:OpenApi").</summary>
public sealed class OpenApiSettings
{
    /// <summary>Serve the document; null (the default) serves it in the Development environment only.</summary>
    public bool? Enabled { get; set; }
}
