using System.Text.RegularExpressions;
using M6Search.Encoder.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Runtime;

public class KeptScalarsTests
{
    [Fact]
    public void Each_helper_computes_what_the_torch_call_it_replaces_computes()
    {
        using var scope = NewDisposeScope();
        Tensor a = tensor(new[] { 1f, -2f, 3f, 0.5f });
        Tensor b = tensor(new[] { 10f, 20f, 30f, 40f });

        Assert.Equal(new[] { 11f, 18f, 33f, 40.5f }, a.Plus(b).data<float>().ToArray());
        Assert.Equal(new[] { 10f, 21f, 30f, 40f }, b.IndexAdd(0, tensor(new long[] { 1, 1 }), tensor(new[] { 0.5f, 0.5f })).data<float>().ToArray());
        Assert.Equal(new[] { 2f, -4f, 6f, 1f }, a.Times(2.0).data<float>().ToArray());
        Assert.Equal(new[] { 0.5f, -1f, 1.5f, 0.25f }, a.DividedBy(2).data<float>().ToArray());
        Assert.Equal(new[] { 1f, 1f, 3f, 1f }, a.AtLeast(1).data<float>().ToArray());
        Assert.Equal(new[] { 1f, -1f, 1f, 0.5f }, a.Within(-1, 1).data<float>().ToArray());
        Assert.Equal(new[] { 0L, 3L, 6L, 9L }, KeptScalars.Range(0, 10, 3).data<long>().ToArray());

        Tensor counts = tensor(new long[] { 1, 2, 3, 4 });
        Assert.Equal(new[] { true, true, false, false }, counts.Below(3).data<bool>().ToArray());
        Assert.Equal(new long[] { 3, 6, 9, 12 }, counts.Times(3L).data<long>().ToArray());
        Assert.Equal(new long[] { 0, 1, 2, 3 }, counts.clone().MinusInPlace(1).data<long>().ToArray());
        Assert.Equal(new long[] { 1, 9, 3, 9 }, counts.clone().FillWhereInPlace(tensor(new[] { false, true, false, true }), 9).data<long>().ToArray());
        Assert.Equal(new[] { 1f, 0f, 1f, 0f }, a.clone().AtLeastMaskInPlace(1).data<float>().ToArray());
    }

    [Fact]
    public void In_place_helpers_change_the_tensor_itself()
    {
        using var scope = NewDisposeScope();
        Tensor a = tensor(new[] { 1f, 2f });

        a.PlusInPlace(tensor(new[] { 1f, 1f })).PlusInPlace(0.5).TimesInPlace(2).DividedByInPlace(5).WithinInPlace(0, 1.1);

        Assert.Equal(new[] { 1f, 1.1f }, a.data<float>().ToArray());
    }

    /// <summary>
    /// A source guard for the forms that hand libtorch a temporary Scalar: tensor additions without an explicit alpha,
    /// number comparisons, masked fills, clamps, torch.arange, and multiplying or dividing by a literal. Types are not
    /// known to a text scan, so a multiplication by a numeric variable is left to review; KeptScalars explains why.
    /// </summary>
    [Fact]
    public void The_encoder_sources_pass_no_temporary_scalar_to_libtorch()
    {
        string root = EncoderSourceFolder();
        var risky = new Regex(
            @"\.(add|add_|index_add|index_add_)\((?![^;]*\bone\b)" +
            @"|\.(sub|sub_|lt|le|gt|ge|lt_|le_|gt_|ge_|masked_fill|masked_fill_|clamp|clamp_|clamp_min|clamp_max|pow|pow_|fill_)\(" +
            @"|torch\.arange\(" +
            @"|\.(mul|mul_|div|div_|eq|ne)\(\s*[-(]*\s*\d",
            RegexOptions.CultureInvariant);
        var offences = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)
                || relative == Path.Combine("Runtime", "KeptScalars.cs"))
            {
                continue;
            }

            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = lines[i].TrimStart();
                if (!code.StartsWith("//", StringComparison.Ordinal) && risky.IsMatch(code))
                {
                    offences.Add($"{relative}:{i + 1}: {code}");
                }
            }
        }

        Assert.True(offences.Count == 0, "Use M6Search.Encoder.Runtime.KeptScalars instead:\n" + string.Join("\n", offences));
    }

    private static string EncoderSourceFolder()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "src", "M6Search.Encoder");
            if (File.Exists(Path.Combine(folder.FullName, "M6Search.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"src/M6Search.Encoder was not found above {AppContext.BaseDirectory}.");
    }
}
