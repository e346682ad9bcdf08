using M6Search.Synth.Randomness;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Planning;

/// <summary>
/// Draws what a product is: a category, one of its shapes, one of its materials, a texture plausible on that
/// material and a colour, each uniformly, so that every trait value is well represented for training.
/// </summary>
public static class VisualPlanner
{
    public static ProductVisual Plan(SeededRandom rng)
    {
        CategoryInfo category = rng.Pick(SynthVocabulary.Categories);
        ShapeInfo shape = rng.Pick(category.Shapes);
        MaterialTrait material = SynthVocabulary.Material(rng.Pick(category.Materials));
        string texture = rng.Pick(material.Textures);
        ColorTrait color = rng.Pick(SynthVocabulary.Colors);
        return new ProductVisual(category.Key, shape.Key, color.Key, texture, material.Key);
    }
}
