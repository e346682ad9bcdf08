using System.Text.Json.Nodes;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Planning;

/// <summary>
/// What one product image shows: the single source for both the renderer and the product's <c>attributes</c>, so
/// the labels are exactly what was drawn.
/// </summary>
public sealed record ProductVisual(string Category, string Shape, string Color, string Texture, string Material)
{
    public string Get(TraitKind kind) => kind switch
    {
        TraitKind.Color => Color,
        TraitKind.Texture => Texture,
        TraitKind.Material => Material,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The <c>attributes</c> object of the catalog row: category, shape, color, texture, material.</summary>
    public JsonObject ToAttributes() => new()
    {
        [AttributeKeys.Category] = Category,
        [AttributeKeys.Shape] = Shape,
        [AttributeKeys.Color] = Color,
        [AttributeKeys.Texture] = Texture,
        [AttributeKeys.Material] = Material,
    };

    /// <summary>Checks that every key is in the vocabulary and the combination is one the generator allows.</summary>
    public void Validate()
    {
        CategoryInfo category = SynthVocabulary.Category(Category);
        category.Shape(Shape);
        SynthVocabulary.Color(Color);
        SynthVocabulary.Texture(Texture);
        MaterialTrait material = SynthVocabulary.Material(Material);
        if (!category.Materials.Contains(Material))
        {
            throw new ArgumentException($"Material \"{Material}\" is not used for category \"{Category}\".");
        }

        if (!material.Textures.Contains(Texture))
        {
            throw new ArgumentException($"Texture \"{Texture}\" is not used for material \"{Material}\".");
        }
    }
}
