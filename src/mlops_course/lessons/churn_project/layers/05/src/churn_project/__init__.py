"""churn-project: predicción de abandono de clientes de un banco, del dato al servicio."""

__version__ = "0.1.0"
