using Google.Protobuf.Collections;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.State;

/// <summary>
/// Qdrant's filter semantics for the conditions the store sends: must / should / must_not of field conditions with
/// match keyword, match keywords (any), match integer or boolean, and range. A key "a.b" reads a nested object; a field
/// holding an array matches when any element does. Anything else is refused, so a test notices a new kind of condition.
/// </summary>
public static class PayloadFilter
{
    public static bool Matches(Filter? filter, MapField<string, Value> payload)
    {
        if (filter is null)
        {
            return true;
        }

        if (filter.MinShould is not null)
        {
            throw Unsupported("min_should");
        }

        return filter.Must.All(condition => Matches(condition, payload))
            && !filter.MustNot.Any(condition => Matches(condition, payload))
            && (filter.Should.Count == 0 || filter.Should.Any(condition => Matches(condition, payload)));
    }

    private static bool Matches(Condition condition, MapField<string, Value> payload) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, payload),
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, payload),
        _ => throw Unsupported(condition.ConditionOneOfCase.ToString()),
    };

    private static bool Matches(FieldCondition field, MapField<string, Value> payload)
    {
        List<Value> values = Read(field.Key, payload);
        if (field.Match is { } match)
        {
            return match.MatchValueCase switch
            {
                Match.MatchValueOneofCase.Keyword => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && v.StringValue == match.Keyword),
                Match.MatchValueOneofCase.Keywords => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && match.Keywords.Strings.Contains(v.StringValue)),
                Match.MatchValueOneofCase.Integer => values.Any(v => v.KindCase == Value.KindOneofCase.IntegerValue && v.IntegerValue == match.Integer),
                Match.MatchValueOneofCase.Boolean => values.Any(v => v.KindCase == Value.KindOneofCase.BoolValue && v.BoolValue == match.Boolean),
                _ => throw Unsupported("match " + match.MatchValueCase),
            };
        }

        if (field.Range is { } range)
        {
            return values.Select(Number).OfType<double>().Any(number =>
                (!range.HasGte || number >= range.Gte) && (!range.HasLte || number <= range.Lte)
                && (!range.HasGt || number > range.Gt) && (!range.HasLt || number < range.Lt));
        }

        throw Unsupported($"field condition on '{field.Key}' without match or range");
    }

    /// <summary>The values under a dotted key; arrays are flattened, as Qdrant does.</summary>
    private static List<Value> Read(string key, MapField<string, Value> payload)
    {
        string[] parts = key.Split('.');
        var current = new List<Value>();
        if (payload.TryGetValue(parts[0], out Value? first))
        {
            current.Add(first);
        }

        foreach (string part in parts.Skip(1))
        {
            current = Flatten(current)
                .Where(v => v.KindCase == Value.KindOneofCase.StructValue && v.StructValue.Fields.ContainsKey(part))
                .Select(v => v.StructValue.Fields[part])
                .ToList();
        }

        return Flatten(current).ToList();
    }

    private static IEnumerable<Value> Flatten(IEnumerable<Value> values) =>
        values.SelectMany(v => v.KindCase == Value.KindOneofCase.ListValue ? v.ListValue.Values : [v]);

    private static double? Number(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.DoubleValue => value.DoubleValue,
        Value.KindOneofCase.IntegerValue => value.IntegerValue,
        _ => null,
    };

    private static RpcException Unsupported(string what) =>
        new(new Status(StatusCode.Unimplemented, $"the fake Qdrant does not evaluate {what}"));
}
