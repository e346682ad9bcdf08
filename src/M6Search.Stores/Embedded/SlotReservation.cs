namespace M6Search.Stores.Embedded;

/// <summary>The slots chosen for a batch before it commits, and how to give them back if it does not.</summary>
internal sealed class SlotReservation
{
    private readonly Action _undo;

    public SlotReservation(int[] slots, Action undo)
    {
        Slots = slots;
        _undo = undo;
    }

    public int[] Slots { get; }

    public void Undo() => _undo();
}
