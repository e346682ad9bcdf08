using System.CommandLine;

namespace M6Search.Indexer.Commands;

/// <summary><c>m6 catalog ...</c>: tools for catalog files.</summary>
public static class CatalogCommand
{
    public static Command Create()
    {
        var command = new Command("catalog", "Catalog file tools (JSON Lines or CSV; see README, \"Catalog format\").");
        command.Subcommands.Add(CatalogValidateCommand.Create());
        return command;
    }
}
