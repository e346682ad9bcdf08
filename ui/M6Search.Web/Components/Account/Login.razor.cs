using M6Search.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace M6Search.Web.Components.Account;

public partial class Login
{
    [SupplyParameterFromQuery(Name = "error")]
    public string? Error { get; set; }

    [SupplyParameterFromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    private string SafeReturnUrl => AccountEndpoints.SafeReturnUrl(ReturnUrl);

    private string? ErrorMessage => Error switch
    {
        "invalid" => "Wrong user name or password.",
        "locked" => "Too many failed sign-ins: this account is locked for a while.",
        null or "" => null,
        _ => "Sign-in failed.",
    };
}
