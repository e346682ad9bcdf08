using M6Search.OpenClipart.Cleaning;

namespace M6Search.OpenClipart.Tests.Support;

/// <summary>Cleaned items built by hand for splitter and query tests.</summary>
public static class Items
{
    public static ClipartItem Item(string path, string title, string[] keywords, string[]? folders = null, string description = "", string? series = null) =>
        new(MetadataCleaner.IdOf(path), path, "/none/" + path + ".png", title, false, keywords, folders ?? [], description, series ?? path);
}
