# Refactor de la versión 1 (un bloque module por bucket) a la 2 (for_each): las direcciones
# cambian, los objetos no. Sin estos bloques, el plan destruiría y crearía los dos buckets.
moved {
  from = module.dvc_bucket
  to   = module.buckets["dvc"]
}

moved {
  from = module.mlflow_bucket
  to   = module.buckets["mlflow"]
}
