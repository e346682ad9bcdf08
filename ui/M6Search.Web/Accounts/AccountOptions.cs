namespace M6Search.Web.Accounts;

/// <summary>Accounts and sign-in, bound from the configuration section <see cref="SectionName"/> ("M6:Accounts").</summary>
public sealed class AccountOptions
{
    public const string SectionName = "M6:Accounts";

    /// <summary>
    /// Create the documented demo accounts (docs/web-accounts.md) when they are missing, in the Development environment
    /// only. Null (the default) or true: yes in Development; false: never. Outside Development the app refuses to start
    /// when this is true, and while any demo account still accepts its public password.
    /// </summary>
    public bool? SeedDemoAccounts { get; set; }

    /// <summary>The accounts database; relative paths are under M6:DataDir. Default <c>accounts.db</c>.</summary>
    public string Database { get; set; } = "accounts.db";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked, in minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts one client may make per minute (all accounts together).</summary>
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>How long a sign-in lasts without activity, in hours.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>Every problem with these settings, each naming its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Database))
        {
            errors.Add($"{SectionName}:{nameof(Database)} must name a file.");
        }

        Positive(MaxFailedSignIns, nameof(MaxFailedSignIns), errors);
        Positive(LockoutMinutes, nameof(LockoutMinutes), errors);
        Positive(SignInsPerMinute, nameof(SignInsPerMinute), errors);
        Positive(SessionHours, nameof(SessionHours), errors);
        return errors;
    }

    private static void Positive(int value, string name, List<string> errors)
    {
        if (value < 1)
        {
            errors.Add($"{SectionName}:{name} must be at least 1, not {value}.");
        }
    }
}
