"""The learned offensive-language model (OffensEval-TR): ``classify`` and ``belief_score``.

Pure numpy at run time; training (scikit-learn, the ``train`` extra) is in ``yorum.model.train``.
"""

from yorum.model.belief import belief_score, belief_targets
from yorum.model.classifier import ModelOutput, classify

__all__ = ["ModelOutput", "belief_score", "belief_targets", "classify"]
