using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Filtering;
using M6Search.Stores.Embedded.Index;
using M6Search.Stores.Embedded.Storage;

namespace M6Search.Stores.Embedded;

/// <summary>
/// Everything the embedded store keeps in memory for one collection: point id -> slot, which slots are live, one
/// <see cref="DenseVectorIndex"/> per dense vector, the <see cref="SparseIndex"/>, and the filter columns.
/// </summary>
/// <remarks>
/// Readers use it under the store's read lock; the writer changes it only under the write lock, right after the batch
/// committed, so a reader sees all of a batch or none of it. Slot allocation (free list, next slot) belongs to the
/// writer alone and runs before the commit; <see cref="ScanLimit"/> only moves when a batch is applied.
/// </remarks>
internal sealed class CollectionState
{
    private readonly Dictionary<Guid, int> _slotByPoint = [];
    private readonly Stack<int> _freeSlots = new();
    private bool[] _live = [];
    private int _nextSlot;

    public CollectionState(StoredSchema schema, VectorQuantization quantization, int rowsPerBlock)
    {
        Schema = schema;
        Dense = schema.DenseNames
            .Select((name, i) => new DenseVectorIndex(name, schema.Dimensions[i], quantization, rowsPerBlock))
            .ToArray();
        Sparse = schema.HasLexicalVector ? new SparseIndex() : null;
    }

    public StoredSchema Schema { get; }

    public DenseVectorIndex[] Dense { get; }

    public SparseIndex? Sparse { get; }

    public PayloadColumns Columns { get; } = new();

    /// <summary>Slots below this bound may be live; scans stop here.</summary>
    public int ScanLimit { get; private set; }

    public int LiveCount { get; private set; }

    public int FreeSlotCount => _freeSlots.Count;

    public long MemoryBytes =>
        Dense.Sum(index => index.MemoryBytes) + (Sparse?.MemoryBytes ?? 0) + Columns.MemoryBytes + _live.Length + ((long)_slotByPoint.Count * 28);

    public int? SlotOf(Guid pointId) => _slotByPoint.TryGetValue(pointId, out int slot) ? slot : null;

    public int? SlotOf(string productId) => string.IsNullOrEmpty(productId) ? null : SlotOf(PointIds.FromProductId(productId));

    public bool IsLive(int slot) => slot < _live.Length && _live[slot];

    public long Count(CompiledFilter? filter)
    {
        if (filter is null)
        {
            return LiveCount;
        }

        if (filter.MatchesNothing)
        {
            return 0;
        }

        long count = 0;
        for (int slot = 0; slot < ScanLimit; slot++)
        {
            if (_live[slot] && filter.Matches(slot))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Chooses the slot of each point (its current one, a free one, or a new one); undone by <see cref="SlotReservation.Undo"/>.</summary>
    public SlotReservation Reserve(IReadOnlyList<PreparedPoint> points)
    {
        var slots = new int[points.Count];
        var takenFree = new List<int>();
        int nextSlotBefore = _nextSlot;
        for (int i = 0; i < points.Count; i++)
        {
            if (_slotByPoint.TryGetValue(points[i].PointId, out int existing))
            {
                slots[i] = existing;
            }
            else if (_freeSlots.TryPop(out int free))
            {
                slots[i] = free;
                takenFree.Add(free);
            }
            else
            {
                if (_nextSlot == int.MaxValue)
                {
                    throw new StoreRequestException("the collection is full (2^31 - 1 slots).");
                }

                slots[i] = _nextSlot++;
            }
        }

        return new SlotReservation(slots, () =>
        {
            for (int i = takenFree.Count - 1; i >= 0; i--)
            {
                _freeSlots.Push(takenFree[i]);
            }

            _nextSlot = nextSlotBefore;
        });
    }

    /// <summary>Indexes a committed batch. Call under the write lock.</summary>
    public void ApplyUpsert(IReadOnlyList<PreparedPoint> points, IReadOnlyList<int> slots)
    {
        EnsureCapacity(slots.Count == 0 ? 0 : slots.Max() + 1);
        for (int i = 0; i < points.Count; i++)
        {
            PreparedPoint point = points[i];
            int slot = slots[i];
            Index(slot, point.PointId, point.Fields, point.Lexical);
            for (int d = 0; d < Dense.Length; d++)
            {
                if (point.Dense[d] is float[] vector)
                {
                    Dense[d].Set(slot, vector);
                }
                else
                {
                    Dense[d].Clear(slot);
                }
            }
        }
    }

    /// <summary>Removes committed deletions. Call under the write lock.</summary>
    public void ApplyDelete(IReadOnlyList<(Guid PointId, int Slot)> deleted)
    {
        foreach ((Guid pointId, int slot) in deleted)
        {
            if (!_live[slot])
            {
                continue;
            }

            _live[slot] = false;
            LiveCount--;
            _slotByPoint.Remove(pointId);
            foreach (DenseVectorIndex index in Dense)
            {
                index.Clear(slot);
            }

            Sparse?.Remove(slot);
            Columns.Clear(slot);
            _freeSlots.Push(slot);
        }
    }

    /// <summary>Loads one stored row at open (payload and sparse vector; dense vectors follow through <see cref="LoadDense"/>).</summary>
    public void LoadPoint(int slot, Guid pointId, PayloadFields fields, SparseVector? lexical)
    {
        if (slot < 0)
        {
            throw new StoreRequestException($"the collection file has a negative slot {slot}.");
        }

        EnsureCapacity(slot + 1);
        if (_live[slot] || _slotByPoint.ContainsKey(pointId))
        {
            throw new StoreRequestException($"the collection file holds slot {slot} / point {pointId} twice.");
        }

        Index(slot, pointId, fields, lexical);
    }

    public void LoadDense(int slot, int denseIndex, ReadOnlySpan<float> unitVector) => Dense[denseIndex].Set(slot, unitVector);

    /// <summary>After loading: every slot below the highest one that holds no point becomes free.</summary>
    public void FinishLoad()
    {
        _nextSlot = ScanLimit;
        for (int slot = ScanLimit - 1; slot >= 0; slot--)
        {
            if (!_live[slot])
            {
                _freeSlots.Push(slot);
            }
        }
    }

    private void Index(int slot, Guid pointId, PayloadFields fields, SparseVector? lexical)
    {
        if (!_live[slot])
        {
            _live[slot] = true;
            LiveCount++;
        }

        _slotByPoint[pointId] = slot;
        ScanLimit = Math.Max(ScanLimit, slot + 1);
        Columns.Set(slot, fields);
        if (Sparse is not null)
        {
            if (lexical is null)
            {
                Sparse.Remove(slot);
            }
            else
            {
                Sparse.Set(slot, lexical);
            }
        }
    }

    private void EnsureCapacity(int rows)
    {
        if (_live.Length < rows)
        {
            Array.Resize(ref _live, Math.Max(rows, Math.Max(64, _live.Length * 2)));
        }

        // Dense rows grow a block at a time (no copy); the other columns double themselves when they must grow.
        foreach (DenseVectorIndex index in Dense)
        {
            index.EnsureCapacity(rows);
        }

        Sparse?.EnsureCapacity(rows);
        Columns.EnsureCapacity(rows);
    }
}
