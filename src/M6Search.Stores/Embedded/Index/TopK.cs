namespace M6Search.Stores.Embedded.Index;

/// <summary>
/// The best <c>capacity</c> scored slots seen so far: a min-heap whose root is the worst kept hit. Higher score is
/// better; on equal scores the lower slot is better, so results do not depend on scan order.
/// </summary>
internal sealed class TopK
{
    private readonly int _capacity;
    private readonly int[] _slots;
    private readonly float[] _scores;
    private int _count;

    public TopK(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _slots = new int[capacity];
        _scores = new float[capacity];
    }

    public int Count => _count;

    /// <summary>The score a new hit must beat once the heap is full; negative infinity before.</summary>
    public float Threshold => _count < _capacity ? float.NegativeInfinity : _scores[0];

    public void Add(int slot, float score)
    {
        if (_count < _capacity)
        {
            int index = _count++;
            _slots[index] = slot;
            _scores[index] = score;
            SiftUp(index);
            return;
        }

        if (!IsBetter(slot, score, _slots[0], _scores[0]))
        {
            return;
        }

        _slots[0] = slot;
        _scores[0] = score;
        SiftDown(0);
    }

    /// <summary>The kept hits, best first.</summary>
    public ScoredSlot[] ToSortedArray()
    {
        var result = new ScoredSlot[_count];
        for (int i = 0; i < _count; i++)
        {
            result[i] = new ScoredSlot(_slots[i], _scores[i]);
        }

        Array.Sort(result, CompareBestFirst);
        return result;
    }

    /// <summary>Orders hits best first: score descending, then slot ascending.</summary>
    public static int CompareBestFirst(ScoredSlot a, ScoredSlot b)
    {
        int byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Slot.CompareTo(b.Slot);
    }

    private static bool IsBetter(int slot, float score, int otherSlot, float otherScore) =>
        score > otherScore || (score == otherScore && slot < otherSlot);

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (!IsBetter(_slots[parent], _scores[parent], _slots[index], _scores[index]))
            {
                break;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            int left = (2 * index) + 1;
            if (left >= _count)
            {
                return;
            }

            int worst = left;
            int right = left + 1;
            if (right < _count && IsBetter(_slots[left], _scores[left], _slots[right], _scores[right]))
            {
                worst = right;
            }

            if (!IsBetter(_slots[index], _scores[index], _slots[worst], _scores[worst]))
            {
                return;
            }

            Swap(index, worst);
            index = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_slots[a], _slots[b]) = (_slots[b], _slots[a]);
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
    }
}
