namespace M6Search.Encoder.Tests.Backbone;

/// <summary>Tests that share the imported backbone run one after another (they also change its trainability).</summary>
[CollectionDefinition(Name)]
public sealed class BackboneCollection : ICollectionFixture<BackboneFixture>
{
    public const string Name = "Pretrained backbone";
}
