terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # Estado remoto con bloqueo nativo de S3 (use_lockfile, Terraform >= 1.10). Antes se usaba
  # dynamodb_table = "churn-terraform-locks", hoy obsoleto.
  backend "s3" {
    bucket       = "churn-terraform-state"
    key          = "churn/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}
