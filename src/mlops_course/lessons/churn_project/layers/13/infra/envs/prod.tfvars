# Variables del entorno prod: se usan con el workspace prod.
environment = "prod"

network = {
  cidr     = "10.30.0.0/16"
  az_count = 3
}

service = {
  image           = "000000000000.dkr.ecr.us-east-1.amazonaws.com/churn-prod@sha256:abababababababababababababababababababababababababababababababab"
  replicas        = 3
  instance_type   = "m6i.large"
  hours_per_month = 730
}

artifacts = {
  dvc    = { storage_gb = 200, versioning = true }
  mlflow = { storage_gb = 100, versioning = true }
}
