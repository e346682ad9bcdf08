using MudBlazor;

namespace M6Search.Web.Components.Layout;

/// <summary>The app's frame: theme, MudBlazor providers, the app bar.</summary>
public sealed partial class MainLayout
{
    // Latin from Roboto, Chinese from whichever CJK font the system has (see wwwroot/app.css).
    private static readonly MudTheme Theme = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Roboto", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
