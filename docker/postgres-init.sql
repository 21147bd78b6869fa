-- One database per service, as in production.
CREATE DATABASE wizard OWNER gym;
CREATE DATABASE identity OWNER gym;
