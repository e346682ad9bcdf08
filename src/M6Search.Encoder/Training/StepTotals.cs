namespace M6Search.Encoder.Training;

/// <summary>Weighted sums of the per-micro-batch host values.</summary>
internal sealed class StepTotals
{
    private readonly double[] _scalars = new double[8];
    private float[][] _imageLoad = [];
    private float[][] _textLoad = [];
    private double _imageDrop;
    private double _textDrop;

    public void Add(float[] values, double weight, int layers, int experts)
    {
        for (int i = 0; i < _scalars.Length; i++)
        {
            _scalars[i] += values[i] * weight;
        }

        if (_imageLoad.Length == 0)
        {
            _imageLoad = Enumerable.Range(0, layers).Select(_ => new float[experts]).ToArray();
            _textLoad = Enumerable.Range(0, layers).Select(_ => new float[experts]).ToArray();
        }

        int offset = _scalars.Length;
        for (int l = 0; l < layers; l++)
        {
            for (int e = 0; e < experts; e++)
            {
                _imageLoad[l][e] += (float)(values[offset + (l * experts) + e] * weight);
                _textLoad[l][e] += (float)(values[offset + (layers * experts) + (l * experts) + e] * weight);
            }
        }

        offset += 2 * layers * experts;
        for (int l = 0; l < layers; l++)
        {
            _imageDrop += values[offset + l] * weight / layers;
            _textDrop += values[offset + layers + l] * weight / layers;
        }
    }

    public TrainingStepMetrics ToMetrics(long step, int examples, double learningRate, double gradientNorm, TimeSpan elapsed) => new()
    {
        Step = step,
        Examples = examples,
        Loss = _scalars[0],
        ContrastiveLoss = _scalars[1],
        AuxiliaryLoss = _scalars[2],
        LoadBalanceLoss = _scalars[3],
        RouterZLoss = _scalars[4],
        ImageToTextAccuracy = _scalars[5],
        TextToImageAccuracy = _scalars[6],
        Temperature = 1 / _scalars[7],
        LearningRate = learningRate,
        GradientNorm = gradientNorm,
        ImageExpertLoad = _imageLoad,
        TextExpertLoad = _textLoad,
        ImageDropRate = _imageDrop,
        TextDropRate = _textDrop,
        Elapsed = elapsed,
    };
}
