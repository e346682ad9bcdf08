using M6Search.Synth.Generation;
using M6Search.Synth.Planning;

namespace M6Search.Synth.Tests.Support;

/// <summary>Catalog plans shared by tests (planning is deterministic, so sharing cannot couple tests).</summary>
public static class Plans
{
    private static readonly Lazy<CatalogPlan> Large = new(() => CatalogPlanner.Plan(new SynthOptions { Products = 2000, Seed = 7 }));

    /// <summary>2,000 products, seed 7, default omit rate 0.7, 400 queries.</summary>
    public static CatalogPlan TwoThousand => Large.Value;
}
