using System.Security.Claims;

namespace M6Search.Web.Accounts;

/// <summary>The claims of a signed-in user; the merchant id is only ever read from here, never from a request.</summary>
public static class AccountClaims
{
    /// <summary>The merchant a merchant account belongs to ("m03", the catalog's <c>merchant</c> field).</summary>
    public const string MerchantId = "merchant_id";

    /// <summary>The signed-in merchant's id, or null for anonymous users, admins and malformed principals.</summary>
    public static string? MerchantIdOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !user.IsInRole(AccountRoles.Merchant))
        {
            return null;
        }

        string? id = user.FindFirst(MerchantId)?.Value;
        return string.IsNullOrWhiteSpace(id) ? null : id;
    }
}
