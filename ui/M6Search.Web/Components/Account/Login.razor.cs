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
        "invalid" => "Wrong user name or password, or too many failed attempts: try again later.",
        null or "" => null,
        _ => "Sign-in failed.",
    };
}
