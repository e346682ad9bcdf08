namespace M6Search.Encoder.Training;

/// <summary>Sums of the micro-batches' <see cref="MicroBatchMetrics"/>, each weighted by its share of the batch.</summary>
internal sealed class StepTotals
{
    private double _loss;
    private double _contrastiveLoss;
    private double _auxiliaryLoss;
    private double _loadBalanceLoss;
    private double _routerZLoss;
    private double _imageToTextAccuracy;
    private double _textToImageAccuracy;
    private double _logitScale;
    private float[][] _imageLoad = [];
    private float[][] _textLoad = [];
    private double _imageDrop;
    private double _textDrop;

    public void Add(MicroBatchMetrics values, double weight)
    {
        _loss += values.Loss * weight;
        _contrastiveLoss += values.ContrastiveLoss * weight;
        _auxiliaryLoss += values.AuxiliaryLoss * weight;
        _loadBalanceLoss += values.LoadBalanceLoss * weight;
        _routerZLoss += values.RouterZLoss * weight;
        _imageToTextAccuracy += values.ImageToTextAccuracy * weight;
        _textToImageAccuracy += values.TextToImageAccuracy * weight;
        _logitScale += values.LogitScale * weight;
        if (_imageLoad.Length == 0)
        {
            _imageLoad = values.ImageExpertLoad.Select(layer => new float[layer.Length]).ToArray();
            _textLoad = values.TextExpertLoad.Select(layer => new float[layer.Length]).ToArray();
        }

        AddLoads(_imageLoad, values.ImageExpertLoad, weight);
        AddLoads(_textLoad, values.TextExpertLoad, weight);
        AddMeanOverLayers(ref _imageDrop, values.ImageDropRate, weight);
        AddMeanOverLayers(ref _textDrop, values.TextDropRate, weight);
    }

    public TrainingStepMetrics ToMetrics(long step, int examples, double learningRate, double gradientNorm, TimeSpan elapsed) => new()
    {
        Step = step,
        Examples = examples,
        Loss = _loss,
        ContrastiveLoss = _contrastiveLoss,
        AuxiliaryLoss = _auxiliaryLoss,
        LoadBalanceLoss = _loadBalanceLoss,
        RouterZLoss = _routerZLoss,
        ImageToTextAccuracy = _imageToTextAccuracy,
        TextToImageAccuracy = _textToImageAccuracy,
        Temperature = 1 / _logitScale,
        LearningRate = learningRate,
        GradientNorm = gradientNorm,
        ImageExpertLoad = _imageLoad,
        TextExpertLoad = _textLoad,
        ImageDropRate = _imageDrop,
        TextDropRate = _textDrop,
        Elapsed = elapsed,
    };

    private static void AddLoads(float[][] totals, float[][] loads, double weight)
    {
        for (int layer = 0; layer < loads.Length; layer++)
        {
            for (int expert = 0; expert < loads[layer].Length; expert++)
            {
                totals[layer][expert] += (float)(loads[layer][expert] * weight);
            }
        }
    }

    // The step's drop rate is the mean over layers: each layer adds its weighted share divided by the layer count.
    private static void AddMeanOverLayers(ref double total, float[] perLayer, double weight)
    {
        foreach (float rate in perLayer)
        {
            total += rate * weight / perLayer.Length;
        }
    }
}
