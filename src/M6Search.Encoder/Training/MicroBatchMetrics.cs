using M6Search.Encoder.Moe;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training;

/// <summary>What one micro-batch measured, host-side: the losses, accuracies, logit scale and each MoE layer's routing.</summary>
internal sealed record MicroBatchMetrics
{
    public required float Loss { get; init; }

    public required float ContrastiveLoss { get; init; }

    public required float AuxiliaryLoss { get; init; }

    public required float LoadBalanceLoss { get; init; }

    public required float RouterZLoss { get; init; }

    public required float ImageToTextAccuracy { get; init; }

    public required float TextToImageAccuracy { get; init; }

    /// <summary>The clamped exp(logit scale) the logits were multiplied by (1 / temperature).</summary>
    public required float LogitScale { get; init; }

    /// <summary>Per image-pass MoE layer, the fraction of tokens routed to each expert.</summary>
    public required float[][] ImageExpertLoad { get; init; }

    /// <summary>Per text-pass MoE layer, the fraction of tokens routed to each expert.</summary>
    public required float[][] TextExpertLoad { get; init; }

    /// <summary>Per image-pass MoE layer, the fraction of assignments dropped for capacity.</summary>
    public required float[] ImageDropRate { get; init; }

    /// <summary>Per text-pass MoE layer, the fraction of assignments dropped for capacity.</summary>
    public required float[] TextDropRate { get; init; }

    /// <summary>Copies the device values of a micro-batch to the host in one round trip.</summary>
    public static MicroBatchMetrics CopyToHost(
        Tensor loss,
        Tensor contrastiveLoss,
        Tensor auxiliaryLoss,
        Tensor loadBalanceLoss,
        Tensor routerZLoss,
        Tensor imageToTextAccuracy,
        Tensor textToImageAccuracy,
        Tensor logitScale,
        IReadOnlyList<MoeReport> image,
        IReadOnlyList<MoeReport> text)
    {
        var transfer = new HostTransfer();
        Range lossAt = transfer.Add(loss);
        Range contrastiveAt = transfer.Add(contrastiveLoss);
        Range auxiliaryAt = transfer.Add(auxiliaryLoss);
        Range loadBalanceAt = transfer.Add(loadBalanceLoss);
        Range routerZAt = transfer.Add(routerZLoss);
        Range imageToTextAt = transfer.Add(imageToTextAccuracy);
        Range textToImageAt = transfer.Add(textToImageAccuracy);
        Range logitScaleAt = transfer.Add(logitScale);
        Range[] imageLoadAt = image.Select(report => transfer.Add(report.ExpertLoad)).ToArray();
        Range[] textLoadAt = text.Select(report => transfer.Add(report.ExpertLoad)).ToArray();
        Range[] imageDropAt = image.Select(report => transfer.Add(report.DropRate)).ToArray();
        Range[] textDropAt = text.Select(report => transfer.Add(report.DropRate)).ToArray();
        float[] host = transfer.CopyToHost();
        return new MicroBatchMetrics
        {
            Loss = host[lossAt][0],
            ContrastiveLoss = host[contrastiveAt][0],
            AuxiliaryLoss = host[auxiliaryAt][0],
            LoadBalanceLoss = host[loadBalanceAt][0],
            RouterZLoss = host[routerZAt][0],
            ImageToTextAccuracy = host[imageToTextAt][0],
            TextToImageAccuracy = host[textToImageAt][0],
            LogitScale = host[logitScaleAt][0],
            ImageExpertLoad = imageLoadAt.Select(range => host[range]).ToArray(),
            TextExpertLoad = textLoadAt.Select(range => host[range]).ToArray(),
            ImageDropRate = imageDropAt.Select(range => host[range][0]).ToArray(),
            TextDropRate = textDropAt.Select(range => host[range][0]).ToArray(),
        };
    }
}
