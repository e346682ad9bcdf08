using Bunit;
using M6Search.Web.Components.Pages;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using SkiaSharp;

namespace M6Search.Web.Tests.Components;

public sealed class PhotoSearchTests : ComponentTestBase
{
    [Fact]
    public void SearchPage_SearchesByAnUploadedPhoto()
    {
        StartSearch();
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestData.Jpeg(SKColors.Red), "cup.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.Equal("Red Cup", page.Find("[data-testid=result-title]").TextContent));
        float[] photo = Assert.Single(Search.Photos);
        Assert.Equal(3 * 8 * 8, photo.Length);
        Assert.True(Assert.Single(Search.PhotoDetails));
        Assert.Contains("cup.jpg", page.Find("[data-testid=results-heading]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchPage_RefusesAPhotoOfAnotherType_AndSaysWhy()
    {
        StartSearch();
        IRenderedComponent<SearchPage> page = Render<SearchPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("GIF89a......"u8.ToArray(), "cup.gif", contentType: "image/gif"));

        page.WaitForAssertion(() => Assert.Contains("JPEG, PNG or WebP", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Search.Photos);
    }

    [Fact]
    public void SearchPage_RefusesAPhotoOverTheSizeLimit()
    {
        StartSearch();
        IRenderedComponent<SearchPage> page = Render<SearchPage>();
        byte[] large = new byte[(5 * 1024 * 1024) + 1];
        large[0] = 0xFF;
        large[1] = 0xD8;
        large[2] = 0xFF;

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(large, "huge.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.Contains("5 MB limit", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Search.Photos);
    }
}
