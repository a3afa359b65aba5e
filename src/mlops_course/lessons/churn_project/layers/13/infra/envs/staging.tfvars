# Variables del entorno staging: se usan con el workspace staging.
environment = "staging"

network = {
  cidr     = "10.20.0.0/16"
  az_count = 2
}

service = {
  image           = "000000000000.dkr.ecr.us-east-1.amazonaws.com/churn-staging@sha256:abababababababababababababababababababababababababababababababab"
  replicas        = 2
  instance_type   = "t3.medium"
  hours_per_month = 730
}

artifacts = {
  dvc    = { storage_gb = 50, versioning = true }
  mlflow = { storage_gb = 25, versioning = true }
}
