namespace M6Search.Web.Api;

/// <summary>
/// An antiforgery token for <c>POST /api/search/image</c>: send it as the form field <see cref="FormFieldName"/> (or the
/// header <see cref="HeaderName"/>) together with the cookie this response sets.
/// </summary>
public sealed record AntiforgeryTokenResponse(string Token, string FormFieldName, string HeaderName);
