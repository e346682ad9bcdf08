namespace M6Search.Stores.Abstractions;

/// <summary>A sparse vector: strictly increasing term indices and their weights, of equal length.</summary>
public sealed record SparseVector(uint[] Indices, float[] Values)
{
    /// <summary>Dot product with another sparse vector (both sorted by index).</summary>
    public float Dot(SparseVector other)
    {
        float sum = 0;
        int i = 0;
        int j = 0;
        while (i < Indices.Length && j < other.Indices.Length)
        {
            uint a = Indices[i];
            uint b = other.Indices[j];
            if (a == b)
            {
                sum += Values[i++] * other.Values[j++];
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}
