using M6Search.Web.Accounts;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace M6Search.Web.Tests.Accounts;

public sealed class DemoAccountSeederTests
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Development", true, true)]
    [InlineData("Development", false, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Production", null, false)]
    [InlineData("Production", true, false)]
    public void ShouldSeed_OnlyInDevelopment(string environment, bool? setting, bool expected)
    {
        var options = new AccountOptions { SeedDemoAccounts = setting };

        Assert.Equal(expected, DemoAccountSeeder.ShouldSeed(options, new Environment(environment)));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "M6Search.Web";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
