using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace M6Search.Web.Accounts;

/// <summary>
/// <c>POST /account/login</c> and <c>POST /account/logout</c>: form posts with an antiforgery token (the forms are on
/// the sign-in page and in the app bar), rate limited per client. A sign-in cookie cannot be set from a Blazor
/// circuit, hence plain form posts.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/login";

    public const string SignOutPath = "/account/logout";

    public const string DeniedPath = "/account/denied";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Form binding makes these endpoints validate the antiforgery token (UseAntiforgery); a missing or wrong token is a 400.
        endpoints.MapPost(SignInPath, SignInAsync).RequireRateLimiting(AccountPolicies.SignInRateLimit).WithTags("Accounts").ExcludeFromDescription();
        endpoints.MapPost(SignOutPath, SignOutAsync).WithTags("Accounts").ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// <paramref name="returnUrl"/> when it is a local path of this site, else "/": a sign-in link must not send the
    /// user to another site (open redirect).
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.Length > 2048)
        {
            return "/";
        }

        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
        {
            return "/";
        }

        return returnUrl.Any(char.IsControl) ? "/" : returnUrl;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http,
        [FromForm(Name = "username")] string? userName,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")] string? returnUrl,
        AccountService accounts,
        CancellationToken cancellationToken)
    {
        string target = SafeReturnUrl(returnUrl);
        var (outcome, principal) = await accounts.SignInAsync(userName ?? "", password ?? "", cancellationToken);
        if (outcome != SignInOutcome.Succeeded || principal is null)
        {
            // One answer for an unknown user, a wrong password and a locked account: none tells an attacker more.
            return TypedResults.LocalRedirect($"{SignInPath}?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        return TypedResults.LocalRedirect(target);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, [FromForm(Name = "returnUrl")] string? returnUrl)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
    }
}
