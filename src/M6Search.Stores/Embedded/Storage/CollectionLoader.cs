using System.Runtime.InteropServices;
using System.Text.Json;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Filtering;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>Rebuilds a collection's in-memory index from its file at open, checking every stored row.</summary>
internal static class CollectionLoader
{
    public static CollectionState Load(CollectionFile file, StoredSchema schema, EmbeddedStoreOptions options, CancellationToken cancellationToken)
    {
        var state = new CollectionState(schema, options.Quantization, options.RowsPerBlock);
        file.ForEachPoint(schema, reader =>
        {
            long slot = reader.GetInt64(0);
            if (slot is < 0 or >= int.MaxValue)
            {
                throw new StoreRequestException($"the collection file has a slot out of range: {slot}.");
            }

            string pointIdText = reader.GetString(1);
            if (!Guid.TryParse(pointIdText, out Guid pointId))
            {
                throw new StoreRequestException($"slot {slot} has a point id that is not a UUID: '{pointIdText}'.");
            }

            PayloadFields fields;
            try
            {
                fields = PayloadFields.Parse(reader.GetFieldValue<byte[]>(2));
            }
            catch (JsonException exception)
            {
                throw new StoreRequestException($"slot {slot} (point {pointIdText}) has a payload that is not JSON: {exception.Message}", exception);
            }

            SparseVector? lexical = schema.HasLexicalVector && !reader.IsDBNull(3) ? VectorCodec.DecodeSparse(reader.GetFieldValue<byte[]>(3)) : null;
            state.LoadPoint((int)slot, pointId, fields, lexical);
            for (int d = 0; d < schema.DenseNames.Count; d++)
            {
                int column = 4 + d;
                if (reader.IsDBNull(column))
                {
                    continue;
                }

                // GetFieldValue copies the BLOB out of the row; GetBytes would open an incremental-I/O blob handle per call.
                byte[] blob = reader.GetFieldValue<byte[]>(column);
                int expected = schema.Dimensions[d] * sizeof(float);
                if (blob.Length != expected)
                {
                    throw new StoreRequestException($"slot {slot} (point {pointIdText}): vector '{schema.DenseNames[d]}' has {blob.Length} bytes, expected {expected}.");
                }

                state.LoadDense((int)slot, d, MemoryMarshal.Cast<byte, float>(blob.AsSpan()));
            }
        }, cancellationToken);
        state.FinishLoad();
        return state;
    }
}
