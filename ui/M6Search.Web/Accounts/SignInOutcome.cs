namespace M6Search.Web.Accounts;

/// <summary>What a sign-in attempt came to. Unknown user and wrong password are one outcome on purpose.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>No such user or wrong password.</summary>
    Invalid,

    /// <summary>Too many failures in a row: the account is locked for a while.</summary>
    LockedOut,
}
