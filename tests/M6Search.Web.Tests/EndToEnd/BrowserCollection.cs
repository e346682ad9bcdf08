namespace M6Search.Web.Tests.EndToEnd;

/// <summary>The browser tests share one app and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "Browser";
}
