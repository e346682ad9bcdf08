using Bunit;
using Microsoft.Extensions.DependencyInjection;
using M6Search.Web.Accounts;
using M6Search.Web.Components.Account;
using M6Search.Web.Tests.Merchants;

namespace M6Search.Web.Tests.Accounts;

public sealed class AccountComponentTests : MudComponentTest
{
    [Fact]
    public void AccountMenu_ShowsTheDashboardLink_ToMerchantsOnly()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("alice");
        auth.SetRoles(AccountRoles.Merchant);

        var menu = RenderMud<AccountMenu>();

        Assert.NotEmpty(menu.FindAll("[data-testid=nav-merchant]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-jobs]"));
        Assert.NotEmpty(menu.FindAll("[data-testid=logout]"));
    }

    [Fact]
    public void AccountMenu_ShowsTheJobsLink_ToAdminsOnly()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("root");
        auth.SetRoles(AccountRoles.Admin);

        var menu = RenderMud<AccountMenu>();

        Assert.NotEmpty(menu.FindAll("[data-testid=nav-jobs]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-merchant]"));
    }

    [Fact]
    public void AccountMenu_OffersSignIn_ToAnonymousUsers()
    {
        AddAuthorization();

        var menu = RenderMud<AccountMenu>();

        Assert.NotEmpty(menu.FindAll("[data-testid=nav-login]"));
        Assert.Empty(menu.FindAll("[data-testid=logout]"));
    }

    [Theory]
    [InlineData("invalid", "Wrong user name or password, or too many failed attempts")]
    public void Login_ExplainsTheFailure(string error, string message)
    {
        NavigateTo($"account/login?error={error}");
        var login = RenderMud<Login>();

        Assert.Contains(message, login.Find("[data-testid=login-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Login_PostsOnlyALocalReturnUrl()
    {
        NavigateTo("account/login?returnUrl=%2F%2Fevil.example%2F");
        var login = RenderMud<Login>();

        Assert.Equal("/", login.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.Equal(AccountEndpoints.SignInPath, login.Find("form").GetAttribute("action"));
    }
}
