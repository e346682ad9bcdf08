using M6Search.Encoder.Model;
using M6Search.Encoder.Moe;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Moe;

public sealed class MoeFeedForwardTests
{
    private const int Width = 8;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Routing_RespectsCapacity_AndGivesEachKeptTokenOneExpertPerGroup(int groups)
    {
        using var scope = torch.NewDisposeScope();
        using var moe = NewLayer(experts: 4, groups);
        moe.eval();
        Tensor tokens = SimilarTokens(40, seed: 1);

        RoutingDecision decision = moe.call(tokens, null).Decision;

        long[] expert = decision.ExpertIndex.data<long>().ToArray();
        long[] position = decision.Position.data<long>().ToArray();
        bool[] kept = decision.Kept.data<bool>().ToArray();
        int perGroup = 4 / groups;
        var slots = new HashSet<(long, long)>();
        var perExpert = new int[4];
        for (int i = 0; i < expert.Length; i++)
        {
            int group = i % groups;
            Assert.InRange(expert[i], group * perGroup, ((group + 1) * perGroup) - 1);
            Assert.Equal(position[i] < decision.Capacity, kept[i]);
            if (kept[i])
            {
                Assert.True(slots.Add((expert[i], position[i])), "two kept tokens share an expert slot");
                perExpert[expert[i]]++;
            }
        }

        Assert.All(perExpert, count => Assert.InRange(count, 0, decision.Capacity));
        Assert.Contains(false, kept); // similar tokens crowd one expert: the test must exercise dropping
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Output_IsGateTimesTheChosenExperts_AndZeroForDroppedTokens(int groups)
    {
        using var scope = torch.NewDisposeScope();
        using var moe = NewLayer(experts: 4, groups);
        moe.eval();
        Tensor tokens = SimilarTokens(24, seed: 2);

        MoeOutput output = moe.call(tokens, null);

        RoutingDecision decision = output.Decision;
        Tensor gateFromProbabilities = decision.Probabilities.max(-1).values;
        Assert.True(decision.Gate.allclose(gateFromProbabilities), "gate differs from the router probability of the chosen expert");

        long[] expert = decision.ExpertIndex.data<long>().ToArray();
        bool[] kept = decision.Kept.data<bool>().ToArray();
        float[] gate = decision.Gate.data<float>().ToArray();
        for (int t = 0; t < 24; t++)
        {
            Tensor expected = torch.zeros(Width);
            for (int g = 0; g < groups; g++)
            {
                int i = (t * groups) + g;
                if (kept[i])
                {
                    expected = expected.add(Expert(moe, (int)expert[i], tokens[t]).mul(gate[i]));
                }
            }

            Assert.True(output.Output[t].allclose(expected, rtol: 1e-4, atol: 1e-5), $"token {t}: output is not the gated expert sum");
        }

        Assert.Contains(false, kept);
    }

    [Fact]
    public void DroppedTokens_LeaveTheFeedForwardBlockUnchanged()
    {
        using var scope = torch.NewDisposeScope();
        EncoderConfig config = TestConfigs.Moe(Width, experts: 4) with { Layers = 2 };
        using var randomness = new ModelRandomness(1);
        using var layer = new EncoderLayer("layer", 1, config, new ComputePrecision(), randomness, null);
        layer.eval();
        Tensor hidden = SimilarTokens(30, seed: 3).view(3, 10, Width);

        (Tensor output, MoeOutput? moe) = layer.FeedForwardResidual(hidden, SequenceMask.None);

        bool[] kept = moe!.Decision.Kept.data<bool>().ToArray();
        Tensor flatIn = hidden.view(30, Width);
        Tensor flatOut = output.view(30, Width);
        Assert.Contains(false, kept);
        Assert.Contains(true, kept);
        for (int t = 0; t < 30; t++)
        {
            bool same = flatOut[t].eq(flatIn[t]).all().item<bool>();
            Assert.Equal(!kept[t], same);
        }
    }

    [Fact]
    public void PaddingTokens_AreNotRouted_AndGetZeroOutput()
    {
        using var scope = torch.NewDisposeScope();
        using var moe = NewLayer(experts: 4, groups: 1);
        moe.eval();
        Tensor tokens = torch.randn(10, Width, generator: new Generator(4));
        Tensor real = torch.tensor(new long[] { 0, 1, 2, 5, 6 });

        MoeOutput output = moe.call(tokens, real);

        Assert.Equal(5, output.Decision.ExpertIndex.shape[0]);
        Assert.Equal(1f, output.Report.ExpertLoad.sum().item<float>(), 5);
        foreach (int pad in new[] { 3, 4, 7, 8, 9 })
        {
            Assert.Equal(0f, output.Output[pad].abs().sum().item<float>());
        }
    }

    [Fact]
    public void LoadBalanceAndZLoss_EqualTheFormulas_OnAHandMadeRouter()
    {
        using var scope = torch.NewDisposeScope();
        EncoderConfig config = TestConfigs.Moe(modelDim: 2, experts: 2);
        using var randomness = new ModelRandomness(1);
        using var moe = new MoeFeedForward("moe", config, new ComputePrecision(), randomness, null);
        using (torch.no_grad())
        {
            moe.RouterWeight.copy_(torch.tensor(new float[] { 1, 0, 0, 1 }, [2, 2]));
        }

        double[][] x = [[2, 0], [1, 0], [0, 1], [3, 0]];
        Tensor tokens = torch.tensor(x.SelectMany(r => r.Select(v => (float)v)).ToArray(), [4, 2]);

        MoeReport report = moe.call(tokens, null).Report;

        // logits = x (identity router): three tokens prefer expert 0, one expert 1.
        double[] f = [0.75, 0.25];
        double[] p = new double[2];
        double z = 0;
        foreach (double[] logits in x)
        {
            double sum = Math.Exp(logits[0]) + Math.Exp(logits[1]);
            p[0] += Math.Exp(logits[0]) / sum / 4;
            p[1] += Math.Exp(logits[1]) / sum / 4;
            z += Math.Pow(Math.Log(sum), 2) / 4;
        }

        double expectedBalance = 0.01 * 2 * ((f[0] * p[0]) + (f[1] * p[1]));
        Assert.Equal(expectedBalance, report.LoadBalanceLoss.item<float>(), 6);
        Assert.Equal(0.001 * z, report.RouterZLoss.item<float>(), 6);
        Assert.Equal(0.0120834, expectedBalance, 6); // the hand computation itself, as a fixed anchor
        Assert.Equal(new float[] { 0.75f, 0.25f }, report.ExpertLoad.data<float>().ToArray());
    }

    [Fact]
    public void Gradients_ReachEveryExpertThatReceivedTokens_AndTheRouter()
    {
        using var scope = torch.NewDisposeScope();
        using var moe = NewLayer(experts: 4, groups: 1, capacityFactor: 2.0);
        moe.train();
        Tensor tokens = torch.randn(32, Width, generator: new Generator(5));

        MoeOutput output = moe.call(tokens, null);
        output.Output.square().sum().add(output.Report.LoadBalanceLoss).backward();

        long[] expert = output.Decision.ExpertIndex.data<long>().ToArray();
        bool[] kept = output.Decision.Kept.data<bool>().ToArray();
        var served = expert.Where((_, i) => kept[i]).Distinct().ToHashSet();
        Assert.True(served.Count >= 2, $"the random tokens should spread over several experts: {string.Join(",", expert)} kept {string.Join(",", kept)}");
        for (int e = 0; e < 4; e++)
        {
            float gradient = moe.InputWeights.grad![e].abs().sum().item<float>();
            if (served.Contains(e))
            {
                Assert.True(gradient > 0, $"expert {e} received tokens but no gradient");
            }
            else
            {
                Assert.Equal(0f, gradient);
            }
        }

        Assert.True(moe.RouterWeight.grad!.abs().sum().item<float>() > 0, "the router got no gradient");
    }

    [Fact]
    public void Router_ComputesInFloat32_WhenTheExpertsRunInBFloat16()
    {
        using var scope = torch.NewDisposeScope();
        EncoderConfig config = TestConfigs.Moe(Width, experts: 4);
        using var randomness = new ModelRandomness(1);
        var precision = new ComputePrecision { Type = ScalarType.BFloat16 };
        using var moe = new MoeFeedForward("moe", config, precision, randomness, null);

        MoeOutput output = moe.call(torch.randn(12, Width, generator: new Generator(6)), null);

        Assert.Equal(ScalarType.Float32, output.Decision.RouterLogits.dtype);
        Assert.Equal(ScalarType.Float32, output.Output.dtype);
        Assert.Equal(ScalarType.BFloat16, moe.InputWeights.to_type(precision.Type).dtype);
    }

    private static MoeFeedForward NewLayer(int experts, int groups, double capacityFactor = 1.0)
    {
        EncoderConfig config = TestConfigs.Moe(Width, experts, groups, capacityFactor);
        return new MoeFeedForward("moe", config, new ComputePrecision(), new ModelRandomness(7), new Generator(11));
    }

    /// <summary>Tokens close to one another, so that an untrained router sends most of them to the same expert.</summary>
    private static Tensor SimilarTokens(int count, int seed)
    {
        var generator = new Generator((ulong)seed);
        Tensor center = torch.randn(1, Width, generator: generator).mul(3);
        return center.add(torch.randn(count, Width, generator: generator).mul(0.05));
    }

    private static Tensor Expert(MoeFeedForward moe, int e, Tensor token)
    {
        Tensor hidden = nn.functional.gelu(token.unsqueeze(0).matmul(moe.InputWeights[e]).add(moe.get_parameter("b_in")![e]));
        return hidden.matmul(moe.OutputWeights[e]).add(moe.get_parameter("b_out")![e]).squeeze(0);
    }
}
