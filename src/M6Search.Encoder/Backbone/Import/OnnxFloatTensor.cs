using System.Buffers.Binary;
using Onnx;

namespace M6Search.Encoder.Backbone.Import;

/// <summary>A float32 initializer of an ONNX graph: its name, shape and values (row-major).</summary>
public sealed class OnnxFloatTensor
{
    private OnnxFloatTensor(string name, long[] shape, float[] values)
    {
        Name = name;
        Shape = shape;
        Values = values;
    }

    public string Name { get; }

    public long[] Shape { get; }

    public float[] Values { get; }

    /// <summary>e.g. <c>64x3x7x7</c>.</summary>
    public string ShapeText => Shape.Length == 0 ? "scalar" : string.Join("x", Shape);

    /// <summary>Reads float data stored either as <c>float_data</c> or little-endian <c>raw_data</c>.</summary>
    internal static OnnxFloatTensor Read(TensorProto tensor, string file)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new BackboneImportException(file, $"tensor '{tensor.Name}' has ONNX data type {tensor.DataType}; only float32 (1) is supported.");
        }

        var shape = tensor.Dims.ToArray();
        long count = shape.Aggregate(1L, (a, b) => a * b);
        float[] values;
        if (tensor.RawData.Length > 0)
        {
            var raw = tensor.RawData.Span;
            if (raw.Length != count * sizeof(float))
            {
                throw new BackboneImportException(file, $"tensor '{tensor.Name}' of shape {string.Join("x", shape)} holds {raw.Length} bytes, not {count * sizeof(float)}.");
            }

            values = new float[count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw.Slice(i * sizeof(float), sizeof(float)));
            }
        }
        else
        {
            if (tensor.FloatData.Count != count)
            {
                throw new BackboneImportException(file, $"tensor '{tensor.Name}' of shape {string.Join("x", shape)} holds {tensor.FloatData.Count} values, not {count}.");
            }

            values = tensor.FloatData.ToArray();
        }

        return new OnnxFloatTensor(tensor.Name, shape, values);
    }
}
